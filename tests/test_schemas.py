from pgi_analysis.schemas import INDICATORS, REPAIRS


def _indicator_columns(**values: list) -> dict[str, list]:
    one = {
        "indicator_id": ["1.01"],
        "sub_index": [1],
        "number": [1],
        "name_vi": ["Tỷ lệ DN đồng ý"],
        "name_en": ["Share of firms agreeing"],
        "unit": ["%"],
        "statistic_source": ["PGI survey"],
        "higher_is_better": [None],  # a direction the PGI does not give
        "kind": ["perception"],
    }
    return {**one, **values}


def test_a_table_made_from_values_has_the_declared_types():
    table = INDICATORS.frame(_indicator_columns())
    assert dict(table.dtypes.astype(str)) == INDICATORS.dtypes
    assert table.loc[0, "name_vi"] == "Tỷ lệ DN đồng ý" and table.loc[0, "sub_index"] == 1
    assert table["higher_is_better"].isna().all()
    assert REPAIRS.frame({name: ["x"] for name in REPAIRS.columns}).shape == (1, 4)


def test_columns_pandas_would_read_otherwise_are_converted():
    empty = INDICATORS.frame({name: [] for name in INDICATORS.columns})
    assert empty.empty and dict(empty.dtypes.astype(str)) == INDICATORS.dtypes
    numbered = INDICATORS.frame(_indicator_columns(unit=[7]))  # a number in a text column
    assert numbered.loc[0, "unit"] == "7"
    assert dict(numbered.dtypes.astype(str)) == INDICATORS.dtypes
    assert dict(REPAIRS.empty().dtypes.astype(str)) == REPAIRS.dtypes


def test_a_table_made_from_rows_keeps_their_order_also_without_rows():
    table = REPAIRS.from_rows([("unit", "(%", "(%)", "1.01 2.03"), ("alias", "a", "b", "4.01")])
    assert table.values.tolist() == [
        ["unit", "(%", "(%)", "1.01 2.03"],
        ["alias", "a", "b", "4.01"],
    ]
    for rows in ([], [("1.01", 1, 1, "Tên", "Name", "%", "PGI survey", True, "perception")]):
        assert dict(INDICATORS.from_rows(rows).dtypes.astype(str)) == INDICATORS.dtypes
