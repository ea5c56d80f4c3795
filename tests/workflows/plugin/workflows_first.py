"""A pytest plugin that `make test` loads (-p workflows_first, from this folder): the test files
run longest first. With --dist loadfile a file runs whole on one worker; a worker takes the next
file when it is done with one, so the longest files first leave the shortest for the end, and
the workers finish together. (xdist by itself orders the files by their number of tests, which
put test_workflows.py, a minute of act runs in ten tests, near the end, alone on one core:
`make test` passes --no-loadscope-reorder so that this order holds.)"""

# the slowest files, slowest first, from `make test`'s --durations (setup and calls, summed per
# file); the others follow in the order collected
FIRST = (
    "test_workflows.py",
    "test_e2e.py",
    "test_site.py",
    "test_engines.py",
    "test_e2e_search.py",
    "test_e2e_bilingual.py",
    "test_reproducible.py",
    "test_labels.py",
    "test_e2e_reader.py",
    "test_e2e_timeline.py",
    "test_hostile_data.py",
    "test_mistakes.py",
    "test_scale.py",
    "test_offline_bundle.py",
    "test_timeline.py",
    "test_timelinejs.py",
    "test_check.py",
)
RANK = {name: i for i, name in enumerate(FIRST)}


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: RANK.get(item.path.name, len(FIRST)))  # a stable sort: otherwise as collected
