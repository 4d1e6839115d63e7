from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import SplitRows


def segments(loans: DynamicFrame):
    split = SplitRows.apply(frame=loans, comparison_dict={"ead": {">": 1000000}}, name1="large", name2="rest",
                            transformation_ctx="split")
    large = split.select("large")
    defaults = SplitRows.apply(loans, {"pd": {">=": 0.5, "<": 1}})
    method = loans.split_rows({"stage": {"=": 3}}, "stage3", "performing")
    return large, defaults.select("frame2"), method
