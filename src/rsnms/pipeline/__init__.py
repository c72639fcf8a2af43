"""The pipeline as commands: the stages of ``rsnms build`` (:mod:`.build`), one unit of work
per region (:mod:`.region`), the preview server (:mod:`.serve`), the fidelity check
(:mod:`.fidelity`) and what every command does (:mod:`.commands`)."""
