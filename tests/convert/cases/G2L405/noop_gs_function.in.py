from storagelib import gs_upload

# a function whose name starts with gs_, called as a function: not a Glue Studio frame transform
gs_upload("/tmp/report.csv", "reports/report.csv")
