"""A local replica of thoidai.com.vn's friendship section (Hữu nghị), with ground truth, for tests and demos.

`ReplicaServer(ReplicaConfig(seed=..., articles=...)).start()` serves the section on 127.0.0.1 (with
`localhost` and 127.0.0.2 standing in for the `www.` and `tacnghiep.` hosts); `server.corpus.truth()` is
the dataset a perfect crawl exports. The markup follows the project's markup contract for the
site's article template generations (v2019, v2021) and both listing markups, and by default adds the
2024 generation (`v2024.py`: sister-site markup, nothing in the head), which only generic extraction
reads; `ReplicaConfig(generations=("v2019", "v2021"))` serves the site as it was before. Pages have the
weight and furniture of saved MasterCMS pages (80-200 KB: inline assets, mega-menu, sidebar, ads,
comment form, footer; `furniture.py`, `assets.py`).
"""

from friendship_crawler.replica.config import ReplicaConfig
from friendship_crawler.replica.corpus import SECTION, SECTIONS, SUBSECTIONS, Corpus
from friendship_crawler.replica.pagetext import render_page_text
from friendship_crawler.replica.requestlog import RequestLog
from friendship_crawler.replica.server import ReplicaServer

__all__ = [
    "SECTION",
    "SECTIONS",
    "SUBSECTIONS",
    "Corpus",
    "ReplicaConfig",
    "ReplicaServer",
    "RequestLog",
    "render_page_text",
]
