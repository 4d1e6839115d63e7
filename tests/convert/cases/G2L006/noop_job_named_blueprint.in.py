from risk_lib.blueprint import build_layout

# our own layout builder, not Glue's blueprint package
layout = build_layout("credit_risk_nightly", jobs=["exposures", "limits"])
