from awsglue.transforms import *

## @type: ApplyMapping
## @return: applymapping1
## @inputs: [frame = datasource0]
applymapping1 = ApplyMapping.apply(frame = datasource0, mappings = [("trade_id", "string", "trade_id", "string"), ("book", "string", "book", "string"), ("notional", "string", "notional", "double"), ("currency", "string", "currency", "string"), ("trade_date", "string", "trade_date", "date")], transformation_ctx = "applymapping1")
