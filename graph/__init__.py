"""The typed model, the in-process graph, its algorithms and the stores.

orgkg uses numpy for arrays only, never for linear algebra, so OpenBLAS is asked for no thread pool of
its own (unless the environment says otherwise): an idle BLAS thread would still make every orgkg
process multi-threaded, and a multi-threaded process cannot fork its parse pool safely
(``loaders.load``). It is set here because every orgkg entry point imports ``graph`` before numpy.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
