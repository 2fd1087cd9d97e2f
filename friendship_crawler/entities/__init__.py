"""Who befriends whom: partner countries, Vietnamese provinces and friendship organisations of an article.

    entities = find_entities(title, sapo, text)
    entities.countries       # ["LA", "KH"]: ISO 3166-1 alpha-2, first mention first, never "VN"
    entities.provinces       # [{"code": "24", "name": "Bắc Ninh"}]: today's province, older names mapped
    entities.organizations   # [{"name": "Hội hữu nghị Việt Nam – Lào", "country": "LA", "province": None}]
    entities.as_dict()

Names live in tables (`countries.py`, `provinces.json` via `provinces.py`), the rules that tell a place
from a look-alike in `places.py`, organisation patterns in `organizations.py`.
"""

from friendship_crawler.entities.find import Entities, find_entities

ENTITY_FIELDS = ("countries", "provinces", "organizations")
"""The record fields this stage fills."""

__all__ = ["ENTITY_FIELDS", "Entities", "find_entities"]
