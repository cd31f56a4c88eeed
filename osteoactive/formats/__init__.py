"""Date formats per language (FORMAT_MODULE_PATH): 21.11.2026 in Danish, 21/11/2026 in English.
Everything not set here comes from Django's own locale formats."""
