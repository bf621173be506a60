"""Numbers read as Excel shows them under currency formats, and only those."""

from __future__ import annotations

import pytest

from workbench.extract.readers.numfmt import BUILTIN_FORMATS, shown_renderer
from workbench.extract.readers.xlsx_styles import styled_cells

ACCOUNTING_EUR = '_-* #,##0.00\\ [$€-407]_-;\\-* #,##0.00\\ [$€-407]_-;_-* "-"??\\ [$€-407]_-;_-@_-'


@pytest.mark.parametrize(
    ("code", "value", "shown"),
    [
        ('"$"#,##0.00', 15000, "$15,000.00"),
        ("$#,##0.00", 7500.5, "$7,500.50"),
        ("\\$#,##0", 7500.4, "$7,500"),
        (BUILTIN_FORMATS[7], -5, "($5.00)"),
        (BUILTIN_FORMATS[44], 15000, "$15,000.00"),
        (BUILTIN_FORMATS[44], 0, "$-"),
        ("[$$-409]#,##0.00", 15000, "$15,000.00"),
        ("[$USD] #,##0.00", 7500, "USD 7,500.00"),
        ('"USD "#,##0', 7500, "USD 7,500"),
        ('#,##0.00 "USD"', 15000.5, "15,000.50 USD"),
        ("#,##0.00 [$€-407]", 12000.5, "12,000.50 €"),
        (ACCOUNTING_EUR, 12000, "12,000.00 €"),
        (ACCOUNTING_EUR, -12000, "-12,000.00 €"),
        ('"¥"#,##0;"¥"\\-#,##0', -300000, "¥-300,000"),
        ('$#,##0,"K"', 15000, "$15K"),
        ('[Red]"$"#,##0.00', 3, "$3.00"),
        ('"$"#,##0.00', -3, "-$3.00"),
        ("£0.00", 9.999, "£10.00"),
    ],
)
def test_currency_formats_render_as_excel_shows_them(code, value, shown):
    render = shown_renderer(code)
    assert render is not None
    assert render(value) == shown


@pytest.mark.parametrize(
    "code",
    [
        "General",
        "0.00",
        "#,##0",
        '#,##0 "HRS"',  # a unit, not a currency code
        "yyyy-mm-dd",
        "[$-409]mmmm d, yyyy",  # a locale tag alone shows no currency
        "[$-409]#,##0.00",
        "0.00E+00",
        "# ?/?",
        "@",
        "",
        None,
    ],
)
def test_other_formats_are_left_to_the_plain_reading(code):
    assert shown_renderer(code) is None


@pytest.mark.parametrize(
    ("code", "value", "shown"),
    [("0%", 0.2, "20%"), ("0.00%", 0.0825, "8.25%"), ("0.0%", -0.05, "-5.0%")],
)
def test_percentages_are_rendered_so_that_a_rate_is_not_read_as_money(code, value, shown):
    assert shown_renderer(code)(value) == shown


def _money(value: float) -> str:
    return f"${value:,.2f}"


def test_only_cells_carry_the_styles_that_are_looked_for():
    sheet = (
        b'<sheetData><row r="5" s="1" customFormat="1">'
        b'<c r="A5" s="1"><v>1</v></c><c r="B5" s="2" t="n"><v>2</v></c>'
        b'<x:c s="1" r="AB12"><v>3</v></x:c></row></sheetData>'
    )
    found = styled_cells(sheet, {1: _money})
    assert found == {(4, 0): _money, (11, 27): _money}


def test_a_styled_cell_without_a_reference_cannot_be_placed():
    assert styled_cells(b'<row r="1"><c s="1"><v>1</v></c></row>', {1: _money}) is None
    assert styled_cells(b'<row r="1"><c s="1"><v>1</v></c></row>', {}) == {}
