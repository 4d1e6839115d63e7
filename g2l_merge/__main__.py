from g2l_merge.entry import main

main()
