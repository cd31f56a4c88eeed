"""The programs app's pages: the library, the program page and its editor, templates and
continuity, and the HiRIT load log (one module each)."""
