# g2l: converted from jobs/additional_data_sources.py
from awsgluedq.transforms import EvaluateDataQuality

# every exposure must point at a known counterparty
REFERENCE_RULES = 'Rules = [ ReferentialIntegrity "counterparty_id" "counterparties.counterparty_id" = 1.0 ]'

# g2l: review G2L406: Glue Data Quality (DQDL) called with additional_data_sources, which glue_compat.evaluate_data_quality does not take: express it as Lakeflow (DLT) expectations or DQX checks: as written, it fails on Databricks (no Glue Data Quality library there) and the job stops
checked = EvaluateDataQuality().process_rows(
    frame=Exposures_node1700000000030,
    additional_data_sources={"counterparties": Counterparties_node1700000000031},
    ruleset=REFERENCE_RULES,
)
