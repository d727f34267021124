"""Override reasons are named as the owner says them: the code, or its name or label in German
or English, in any case; an unknown word is refused with the names in the reader's language."""

from __future__ import annotations

import pytest

from forecasting.errors import UserError
from forecasting.operations.decisions import check_reason, reason_code, reason_names
from forecasting.values.decisions import REASON_CODES


@pytest.mark.parametrize("code", REASON_CODES)
def test_every_code_and_each_of_its_names_is_understood(code: str) -> None:
    for lang in ("de", "en"):
        assert reason_code(code.upper()) == code
        name = reason_names(lang)[REASON_CODES.index(code)]
        assert reason_code(name) == code
        assert reason_code(f"  {name.lower()} ") == code


def test_labels_and_spellings() -> None:
    assert reason_code("Das Wetter wird anders") == "weather"
    assert reason_code("supplier limit") == "supplier_limit"
    assert reason_code("Regen") is None
    assert check_reason(None, "") is None
    assert check_reason("Anderes", "Ofen kaputt") == "other"


def test_unknown_reason_lists_the_names_in_the_readers_language() -> None:
    with pytest.raises(UserError) as refused:
        check_reason("Regen", "")
    assert refused.value.message("de") == (
        "Unbekannter Grund „Regen“ (möglich: Ereignis, Lieferant, Aktion, Wetter, Anderes).")
    assert refused.value.message("en") == (
        "Unknown reason “Regen” (choose one of event, supplier_limit, promotion, weather, other).")
    with pytest.raises(UserError) as refused:
        check_reason("anderes", " ")
    assert "Beim Grund „Anderes“" in refused.value.message("de")
