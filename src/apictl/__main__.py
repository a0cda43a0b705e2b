from apictl.cli import main

main()
