"""JupyterLab configuration for the series (``python3 run.py lab`` loads it with --config).

Why: the moment a notebook's kernel starts, JupyterLab writes that kernel's description
into the notebook's metadata: its kernelspec (``"Python 3 (ipykernel)"``) and its
language_info, down to the exact Python version (``"3.11.7"``). The lessons are stored
without such machine-specific detail (``tests/test_notebooks_format.py``), so JupyterLab
found them changed on every opening and marked each tab as having unsaved changes, which
tells a learner they broke something, and invites a save that rewrites the file.

So the server hands a lesson to JupyterLab with this computer's kernel description
already filled in (nothing is left to change when the kernel starts), and takes it out
again when a lesson is saved (the file stays free of one machine's details). Only
notebooks that carry the series' stored kernel description are touched.

Also importable without Jupyter's config loader (the tests do), when it only defines.
"""

from __future__ import annotations

import copy
from typing import Any

from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager

#: The kernel description the lessons are stored with.
STORED_KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}
STORED_LANGUAGE_INFO = {"name": "python"}


def local_kernel_description(kernel_spec_manager: Any | None = None) -> dict[str, Any]:
    """What JupyterLab will write for the ``python3`` kernel on this computer.

    The kernelspec as JupyterLab builds it (name, display_name, language) and the
    language_info that ipykernel reports (the kernel runs this same Python).
    """
    from ipykernel.ipkernel import IPythonKernel
    from jupyter_client.kernelspec import KernelSpecManager

    spec = (kernel_spec_manager or KernelSpecManager()).get_kernel_spec("python3")
    return {
        "kernelspec": {"name": "python3", "display_name": spec.display_name,
                       "language": spec.language},
        "language_info": copy.deepcopy(IPythonKernel.language_info),
    }


class LessonContentsManager(AsyncLargeFileManager):
    """Files as usual; a lesson's kernel description is this computer's while open."""

    _local: dict[str, Any] | None = None

    def _local_description(self) -> dict[str, Any]:
        if self._local is None:
            manager = getattr(self.parent, "kernel_spec_manager", None)
            self._local = local_kernel_description(manager)
        return self._local

    async def get(self, path, content=True, type=None, format=None, **kwargs):  # noqa: A002
        model = await super().get(path, content=content, type=type, format=format, **kwargs)
        if model.get("type") == "notebook" and model.get("content"):
            metadata = model["content"].get("metadata", {})
            if (metadata.get("kernelspec") == STORED_KERNELSPEC
                    and metadata.get("language_info") == STORED_LANGUAGE_INFO):
                metadata.update(copy.deepcopy(self._local_description()))
        return model

    async def save(self, model, path=""):
        if model.get("type") == "notebook" and isinstance(model.get("content"), dict):
            metadata = model["content"].get("metadata", {})
            local = self._local_description()
            if (metadata.get("kernelspec") == local["kernelspec"]
                    and metadata.get("language_info") == local["language_info"]):
                model = dict(model, content=dict(model["content"], metadata={
                    **metadata, "kernelspec": dict(STORED_KERNELSPEC),
                    "language_info": dict(STORED_LANGUAGE_INFO)}))
        return await super().save(model, path)


if "get_config" in globals():  # loaded by Jupyter as a config file
    from room.warm_kernels import PROVISIONER_NAME

    c = get_config()  # noqa: F821 - provided by traitlets when it loads this file
    c.ServerApp.contents_manager_class = LessonContentsManager
    # Lesson kernels forked from a warm parent that has done the imports: a lesson's
    # kernel is ready in about half the time (src/room/warm_kernels.py).
    c.KernelProvisionerFactory.default_provisioner_name = PROVISIONER_NAME
