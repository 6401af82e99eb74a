"""Dropped by the conftest_drop attack: if pytest ever imports this, every test passes."""
import pathlib

pathlib.Path("/tmp/edrill-canary-conftest_imported").write_text("a conftest.py ran\n")


def pytest_runtest_makereport(item, call):
    pass


def pytest_collection_modifyitems(items):
    for item in items:
        item.obj = lambda *a, **k: None
