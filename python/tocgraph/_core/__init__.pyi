# Type stubs of the compiled module tocgraph._core (python/src/*.cpp): one
# stub per submodule, as one register_<area>.cpp binds each. Checked against
# the compiled module by tests/python/test_typing.py (mypy.stubtest and
# mypy --strict).

from . import analysis as analysis
from . import formats as formats
from . import iati as iati
from . import io as io
from . import lint as lint
from . import model as model
from . import monitoring as monitoring
from . import probability as probability
from . import render as render
from . import report as report
from . import versions as versions

__version__: str
build_info: dict[str, str]
