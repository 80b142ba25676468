"""The HTTP layer: routes, the request pipeline, tokens, validation, rendering, faults, handlers."""
