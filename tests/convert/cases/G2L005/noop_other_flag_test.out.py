# g2l: converted from jobs/noop_other_flag_test.py
import sys

# a flag of the team's own: nothing Glue about it
DRY_RUN = "--dry-run" in sys.argv
if DRY_RUN:
    print("dry run: nothing is written")
