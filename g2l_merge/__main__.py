from g2l_merge.cli import main

main()
