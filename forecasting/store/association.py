"""The association's prior kept with the shop (issue 18): the `.bkprior` file's bytes under one
meta key (base64), so a backup or a copy of the shop file carries it along."""

from __future__ import annotations

import base64
import binascii

from forecasting.store import meta
from forecasting.store.file import Shop


def save_prior(shop: Shop, data: bytes) -> None:
    """Keep `data` (a checked `.bkprior` file) as the shop's prior, replacing an earlier one."""
    meta.set_text(shop, meta.Key.ASSOCIATION_PRIOR, base64.b64encode(data).decode("ascii"))


def remove_prior(shop: Shop) -> bool:
    """Forget the shop's prior; whether there was one."""
    return meta.delete(shop, meta.Key.ASSOCIATION_PRIOR)


def load_prior(shop: Shop) -> bytes | None:
    """The stored prior's bytes, or None (none stored, or not base64: checked again on use)."""
    text = meta.get_text(shop, meta.Key.ASSOCIATION_PRIOR)
    if not text:
        return None
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None
