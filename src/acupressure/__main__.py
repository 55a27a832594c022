from acupressure.cli import main

main()
