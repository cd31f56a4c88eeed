"""Shared plumbing of the JSON command-line interfaces: read FILE or '-', print JSON."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

# Deeper input is refused before the converters walk it: no §5 document nests past a handful
# of levels, and Python's recursion limit must never be the one to say no.
MAX_DEPTH = 20


def nesting_depth(value) -> int:
    """How deeply lists and objects nest, counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


class JsonCommand(BaseCommand):
    """Reads one JSON object or a list of them; `convert` turns one into the output or raises
    InvalidEntry with its messages. Every malformed input, however odd, is answered with a
    message and a non-zero exit, never a traceback; nothing is printed to stdout then."""

    class InvalidEntry(Exception):
        def __init__(self, messages):
            self.messages = messages
            super().__init__("; ".join(messages))

    def add_arguments(self, parser):
        parser.add_argument("file", help="a JSON file, or - for standard input")

    def convert(self, data):
        raise NotImplementedError

    def handle(self, *args, file, **options):
        data = self._read(file)
        batch = isinstance(data, list)
        outputs, problems = [], []
        for index, entry in enumerate(data if batch else [data]):
            try:
                outputs.append(self.convert(entry))
            except self.InvalidEntry as invalid:
                where = f"[{index}] " if batch else ""
                problems.extend(f"{where}{message}" for message in invalid.messages)
        if problems:
            for message in problems:
                self.stderr.write(message)
            raise CommandError(f"{len(problems)} invalid field(s); nothing was written.")
        result = outputs if batch else outputs[0]
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))

    def _read(self, file):
        try:
            text = sys.stdin.read() if file == "-" else open(file, encoding="utf-8").read()  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error.strerror}") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"not valid JSON: not UTF-8 text ({error.reason})") from error
        try:
            data = json.loads(text)
        except RecursionError:
            raise CommandError(f"not valid JSON: nested more than {MAX_DEPTH} levels") from None
        except ValueError as error:  # JSONDecodeError, and numbers too long to convert
            raise CommandError(f"not valid JSON: {error}") from None
        if nesting_depth(data) > MAX_DEPTH:
            raise CommandError(f"not valid JSON: nested more than {MAX_DEPTH} levels")
        return data
