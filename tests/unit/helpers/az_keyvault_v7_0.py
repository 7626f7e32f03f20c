"""Run Debian's az with the Key Vault 7.0 data-plane module it cannot import, rebuilt from Debian.

Debian's azure-cli 2.45 builds the arguments of `az keyvault secret ...` from the method signatures
of `azure.keyvault.v7_0.key_vault_client.KeyVaultClient`: the old ("track 1") azure-keyvault 1.x
SDK, which no Debian package ships (python3-azure has only the newer azure-keyvault-secrets/-keys/
-certificates). Without it every command of the group stops with "No module named
'azure.keyvault.v7_0'" before its arguments are parsed.

Debian's python3-azure does ship the same REST API version, 7.0, generated for the newer SDK
(azure/keyvault/secrets/_generated/v7_0): the same operations and models. The old generator
differed in one way that matters to az: it flattened a request body into the method's arguments
(`set_secret(vault_base_url, secret_name, value, tags=None, content_type=None,
secret_attributes=None)`), where the newer one takes one `parameters` model. This module rebuilds
that shape mechanically from the shipped code (no signature is written by hand here): each
operation keeps its path and query arguments, its `parameters` becomes the body model's fields
(required ones first), then the old SDK's `custom_headers=None, raw=False, **operation_config`.
The models module is the shipped 7.0 models.

Everything else is az's own: its command table, its _params.py (option names, help, which
arguments are required), its validators and argparse. When a command has parsed and validated,
az asks the data-plane client factory for a client; the stand-in client asks az's own Profile for
a token straight away (the real one asks on its first request), so an az without an account prints
the same "Please run 'az login'" as every other command. Nothing is sent anywhere.

Usage: /usr/bin/python3 az_keyvault_v7_0.py /path/to/az ARGS...  (the interpreter from az's #!)
"""
import inspect
import runpy
import sys
import types

import azure.keyvault
from azure.keyvault.secrets._generated.v7_0 import models as shipped_models
from azure.keyvault.secrets._shared import parse_key_vault_id
from azure.keyvault.secrets._generated.v7_0.operations._key_vault_client_operations import (
    KeyVaultClientOperationsMixin as Shipped,
)

P = inspect.Parameter


def body_model(param):
    """The model class of a `parameters: Union[Model, IO]` argument, or None."""
    for t in getattr(param.annotation, '__args__', ()) or ():
        if isinstance(t, type) and issubclass(t, shipped_models._models_py3._serialization.Model):
            return t
    return None


def flattened(name, impl):
    sig = inspect.signature(impl)
    params = [P('self', P.POSITIONAL_OR_KEYWORD)]
    optional = []
    for p in sig.parameters.values():
        if p.name == 'self' or p.kind in (P.VAR_KEYWORD, P.VAR_POSITIONAL, P.KEYWORD_ONLY):
            continue
        model = body_model(p) if p.name == 'parameters' else None
        if model is None:
            (params if p.default is P.empty else optional).append(P(p.name, P.POSITIONAL_OR_KEYWORD, default=p.default))
            continue
        for f in inspect.signature(model.__init__).parameters.values():
            if f.kind != P.KEYWORD_ONLY:
                continue
            (params if f.default is P.empty else optional).append(P(f.name, P.POSITIONAL_OR_KEYWORD, default=f.default))
    params += optional
    params += [P('custom_headers', P.POSITIONAL_OR_KEYWORD, default=None), P('raw', P.POSITIONAL_OR_KEYWORD, default=False),
               P('operation_config', P.VAR_KEYWORD)]

    def operation(*args, **kwargs):
        raise RuntimeError(f'{name}: the stand-in Key Vault client sends no request')

    operation.__name__ = name
    operation.__doc__ = impl.__doc__
    operation.__signature__ = inspect.Signature(params)
    return operation


class KeyVaultClient:
    """The old SDK's client: its operations with the flattened signatures."""

    def __init__(self, credentials, api_version=None):
        credentials.ask()


for _name, _impl in inspect.getmembers(Shipped, inspect.isfunction):
    if not _name.startswith('_'):
        setattr(KeyVaultClient, _name, flattened(_name, _impl))


class KeyVaultAuthentication:
    def __init__(self, get_token):
        self.get_token = get_token

    def ask(self):
        # What the real client does on its first request: az's Profile looks for an account.
        self.get_token('https://my-vault.vault.azure.net', 'https://vault.azure.net', '')


class KeyVaultIdentifier:
    """The old SDK's parser of an object ID (what `--id` takes), on the shipped newer one."""

    def __init__(self, uri=None, collection=None, **_):
        parsed = parse_key_vault_id(uri)
        kind = uri.split('://', 1)[-1].split('/')[1:2]
        if collection and kind != [collection]:
            raise ValueError(f"'{uri}' is not a {collection} ID")
        self.id, self.vault, self.name, self.version = uri, parsed.vault_url, parsed.name, parsed.version or ''


id_module = types.ModuleType('azure.keyvault.key_vault_id')
id_module.KeyVaultIdentifier = KeyVaultIdentifier

pkg = types.ModuleType('azure.keyvault.v7_0')
pkg.__path__ = []
client_module = types.ModuleType('azure.keyvault.v7_0.key_vault_client')
client_module.KeyVaultClient = KeyVaultClient
pkg.key_vault_client = client_module
pkg.models = shipped_models
pkg.KeyVaultClient = KeyVaultClient
sys.modules.update({
    'azure.keyvault.v7_0': pkg,
    'azure.keyvault.v7_0.key_vault_client': client_module,
    'azure.keyvault.v7_0.models': shipped_models,
    'azure.keyvault.key_vault_id': id_module,
})
azure.keyvault.v7_0 = pkg
azure.keyvault.key_vault_id = id_module
azure.keyvault.KeyVaultClient = KeyVaultClient
azure.keyvault.KeyVaultAuthentication = KeyVaultAuthentication

if __name__ == '__main__':
    az = sys.argv[1]
    sys.argv = [az] + sys.argv[2:]
    runpy.run_path(az, run_name='__main__')
