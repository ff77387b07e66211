"""bin/compile_messages.py, which is a script and not a package, loaded for the tests."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("compile_messages", ROOT / "bin/compile_messages.py")
compile_messages = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compile_messages)
parse_po = compile_messages.parse
