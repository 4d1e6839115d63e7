from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import RenameField


def rename(trades: DynamicFrame, old):
    a = RenameField.apply(frame=trades, old_name="ntl", new_name="notional", transformation_ctx="a")
    b = RenameField.apply(trades, "qty", "quantity")
    c = trades.rename_field("address.zip", "address.postcode")
    d = trades.rename_field("`this.old.name`", "new_name")
    e = trades.rename_field(old, "renamed")
    return a, b, c, d, e
