import sys

try:
    from .cli import main
except KeyboardInterrupt:       # Ctrl-C while Python loads rsnms: the same words as later
    print("Прервано (Ctrl+C): build/ и файлы проекта не изменены.", file=sys.stderr)
    sys.exit(1)

sys.exit(main())
