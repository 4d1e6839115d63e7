from awsgluedq.transforms import EvaluateDataQuality

# every exposure must point at a known counterparty
REFERENCE_RULES = 'Rules = [ ReferentialIntegrity "counterparty_id" "counterparties.counterparty_id" = 1.0 ]'

checked = EvaluateDataQuality().process_rows(
    frame=Exposures_node1700000000030,
    additional_data_sources={"counterparties": Counterparties_node1700000000031},
    ruleset=REFERENCE_RULES,
)
