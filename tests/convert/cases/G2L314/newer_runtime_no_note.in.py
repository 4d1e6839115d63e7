# case-config: {"runtime": "15.3"}
events = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="limit_events")
parsed = events.unbox("payload", "json")
