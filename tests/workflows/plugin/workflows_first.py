"""A pytest plugin that `make test` loads (-p workflows_first, from this folder):
the test files of FIRST run before the others. With --dist loadfile a file
runs whole on one worker, in the order collected; test_workflows.py, the
longest (about a minute of act runs), sorts last, and left one core idle while
it ran alone at the end."""

FIRST = ("test_workflows.py",)


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: item.path.name not in FIRST)  # a stable sort: otherwise as collected
