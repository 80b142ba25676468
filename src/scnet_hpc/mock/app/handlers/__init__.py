"""One module of handlers per area of the API; each maps operationIds to functions of a Ctx."""
