from mylib.transforms import ApplyMapping

mapped = ApplyMapping.apply(frame=trades, mappings=[("id", "string", "id", "long")])
