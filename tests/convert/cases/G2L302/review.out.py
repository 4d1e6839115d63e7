# g2l: converted from jobs/review.py
from pyspark.sql import DataFrame


def unclear(trades: DataFrame):
    # g2l: review G2L302: mapping ('qty', 'long'): expected (source, [source_type,] target, target_type): check it: as written, it fails on Databricks and the job stops
    ambiguous = trades.apply_mapping([("qty", "long")])
    # g2l: review G2L302: mapping ('legs[].ntl', 'double', 'ntl', 'double'): array paths: map the array elements with F.transform: as written, it fails on Databricks and the job stops
    arrays = trades.apply_mapping(mappings=[("legs[].ntl", "double", "ntl", "double")])
    # g2l: review G2L302: mapping ('payload', 'string', 'payload', 'struct'): struct is not a type a column can be cast to: convert it by hand: as written, it fails on Databricks and the job stops
    weird = trades.apply_mapping([("payload", "string", "payload", "struct")])
    # g2l: review G2L302: two mappings write the same target field: decide which one Glue kept: as written, it fails on Databricks and the job stops
    twice = trades.apply_mapping([("a", "string", "x", "string"), ("b", "string", "x", "string")])
    return ambiguous, arrays, weird, twice
