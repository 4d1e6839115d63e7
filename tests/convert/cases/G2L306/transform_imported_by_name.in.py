from awsglue.transforms import DropFields, RenameField as Rename
from awsglue.dynamicframe import DynamicFrame


def tidy(frame: DynamicFrame) -> DynamicFrame:
    slim = DropFields.apply(frame, ["ssn"], "slim")
    return Rename.apply(frame=slim, old_name="ntl", new_name="notional")
