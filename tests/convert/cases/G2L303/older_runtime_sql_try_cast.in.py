# case-config: {"runtime": "14.3"}
exposures = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="exposures")
typed = exposures.resolveChoice(specs=[("notional", "cast:double"), ("limit_id", "cast:long")])
