"""Schedulers behind the HTTP layer: the Engine protocol (``base``) and its two implementations."""
