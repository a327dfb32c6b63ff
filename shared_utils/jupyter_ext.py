"""Jupyter server extension: keep JupyterLab responsive during Validate.

nbgrader 0.9.6's ``POST /assignments/validate`` handler is synchronous: it
runs the whole notebook inside the server's event loop, so the learner's
JupyterLab freezes until validation ends (seconds for a TensorFlow
notebook). This extension runs the same validation in a worker thread.

Enabled for learners by ``autograder.course.learner`` through
``jpserver_extensions: {"shared_utils.jupyter_ext": true}``.
"""
import asyncio
import json


def _jupyter_server_extension_points():
    return [{'module': 'shared_utils.jupyter_ext'}]


def _load_jupyter_server_extension(serverapp):
    from nbgrader.server_extensions.validate_assignment import handlers
    from tornado import web

    cls = handlers.ValidateAssignmentHandler
    if getattr(cls, '_dls_async', False):
        return

    @web.authenticated
    async def post(self):
        try:
            path = self.get_argument('path')
        except web.MissingArgumentError:
            path = self.get_json_body()['path']
        loop = asyncio.get_running_loop()
        output = await loop.run_in_executor(None, self.validate_notebook,
                                            path)
        self.finish(json.dumps(output))

    cls.post = post
    cls._dls_async = True
    serverapp.log.info('Validate runs in a worker thread (shared_utils)')
