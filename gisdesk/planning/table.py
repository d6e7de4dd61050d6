"""The programme as a table people read: identifiers first, then why and when."""

from __future__ import annotations

import pandas as pd

RISK_COLUMNS = ["rank", "year", "risk", "risk_class", "likelihood", "consequence",
                "condition_score", "age_score", "defects", "customers", "critical_nearby",
                "cost"]
COUNT_COLUMNS = ("defects", "customers", "critical_nearby")
ID_COLUMNS = ["asset_id", "name", "material", "diameter_mm", "road_class", "surface",
              "install_year", "condition"]


def programme_table(assets: pd.DataFrame) -> pd.DataFrame:
    """Attribute columns of a ranked programme worth showing, without geometry, by rank."""
    wanted = [c for c in ID_COLUMNS + RISK_COLUMNS if c in assets.columns]
    table = pd.DataFrame(assets[wanted])
    for column in ("risk", "likelihood", "consequence", "condition_score", "age_score"):
        if column in table.columns:
            table[column] = table[column].astype(float).round(2)
    if "cost" in table.columns:
        table["cost"] = table["cost"].astype(float).round(0)
    for column in COUNT_COLUMNS:  # computed as floats; a spreadsheet should read 110, not 110.0
        if column in table.columns:
            values = pd.to_numeric(table[column], errors="coerce")
            if values.notna().all() and (values % 1 == 0).all():
                table[column] = values.astype("int64")
    return table.reset_index(drop=True)
