#!/usr/bin/env python3
"""Writes web/js/cli_operations.js: what `aws dynamodb` and `aws dynamodbstreams` accept.

The page turns pasted AWS CLI command lines into requests (web/js/cli_command.js). The CLI
builds its options from botocore's service models: one command per operation (`PutItem` is
`put-item`), one option per top-level input member (`TableName` is `--table-name`), and it
reads each value by the member's shape (JSON or shorthand for structures, lists and maps, a
number for integers, a flag pair for booleans). This script reads the same models and keeps
only what that needs (30 KB), so the page follows the CLI without shipping the 430 KB model,
most of it documentation.

Usage: python3 scripts/gen_cli_operations.py [--data-dir DIR]
DIR defaults to the data folder of the botocore the interpreter imports. Use the newest one
installed: newer models know newer members (Debian 12's python3-botocore 1.29 lacks
ReturnValuesOnConditionCheckFailure, OnDemandThroughput and WarmThroughput, which the engine
supports). The committed file names the botocore it came from in its first line.
"""

import argparse
import gzip
import json
import os
import re
import sys

SERVICES = ('dynamodb', 'dynamodbstreams')
OUTPUT = os.path.join(os.path.dirname(__file__), '..', 'web', 'js', 'cli_operations.js')
SCALARS = ('string', 'integer', 'long', 'double', 'float', 'boolean', 'blob', 'timestamp')
# The CLI's own options, which no operation member may shadow (web/js/cli_command.js ignores
# them). If a new member collided, the page would silently drop it: fail here instead.
GLOBAL_OPTIONS = {
    'debug', 'endpoint-url', 'no-verify-ssl', 'no-paginate', 'output', 'query', 'profile',
    'region', 'version', 'color', 'no-sign-request', 'ca-bundle', 'cli-read-timeout',
    'cli-connect-timeout', 'cli-binary-format', 'no-cli-pager', 'cli-auto-prompt',
    'no-cli-auto-prompt', 'cli-input-json', 'cli-input-yaml', 'generate-cli-skeleton',
}
# The options the CLI adds to the commands it paginates (awscli/customizations/paginate.py).
PAGING_OPTIONS = {'starting-token', 'page-size', 'max-items'}


def kebab(name):
    """The CLI's spelling of a model name, as botocore.xform_name(name, '-') gives it."""
    try:
        from botocore import xform_name
    except ImportError:
        sys.exit('gen_cli_operations: botocore is not importable (Debian: python3-botocore)')
    return xform_name(name, '-')


def load_json(folder, stem):
    for name, opener in ((stem + '.json', open), (stem + '.json.gz', gzip.open)):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            with opener(path, 'rt', encoding='utf-8') as f:
                return json.load(f)
    return None


def newest_version_folder(data_dir, service):
    root = os.path.join(data_dir, service)
    versions = sorted(v for v in os.listdir(root) if re.fullmatch(r'\d{4}-\d{2}-\d{2}', v))
    return os.path.join(root, versions[-1])


class ShapeTable:
    """The complex shapes reachable from operation inputs, each written once by name."""

    def __init__(self, model_shapes):
        self.model_shapes = model_shapes
        self.used = {}

    def ref(self, shape_name):
        """A member's shape as the JS reads it: a scalar kind, or the name of a complex shape."""
        shape = self.model_shapes[shape_name]
        kind = shape['type']
        if kind in SCALARS:
            return kind
        if shape.get('document'):
            sys.exit(f'gen_cli_operations: document shape {shape_name} needs JSON-only handling')
        if shape_name in self.used:
            return shape_name
        self.used[shape_name] = None  # reserve first: shapes are recursive (AttributeValue)
        if kind == 'structure':
            members = {m: self.ref(s['shape']) for m, s in shape['members'].items()}
            self.used[shape_name] = ['structure', members]
        elif kind == 'list':
            self.used[shape_name] = ['list', self.ref(shape['member']['shape'])]
        elif kind == 'map':
            self.used[shape_name] = ['map', self.ref(shape['value']['shape'])]
        else:
            sys.exit(f'gen_cli_operations: shape {shape_name} has unknown type {kind}')
        return shape_name


def service_table(data_dir, service, shapes_by_service):
    folder = newest_version_folder(data_dir, service)
    model = load_json(folder, 'service-2')
    paginators = (load_json(folder, 'paginators-1') or {}).get('pagination', {})
    shapes = ShapeTable(model['shapes'])
    commands = {}
    for operation_name in sorted(model['operations']):
        operation = model['operations'][operation_name]
        paging = paginators.get(operation_name)
        reserved = GLOBAL_OPTIONS | PAGING_OPTIONS if paging else GLOBAL_OPTIONS
        options = {}
        if 'input' in operation:
            input_shape = model['shapes'][operation['input']['shape']]
            required = set(input_shape.get('required', []))
            for member, spec in input_shape['members'].items():
                option = kebab(member)
                if option in reserved:
                    sys.exit(f'gen_cli_operations: {operation_name}.{member} shadows --{option}')
                if 'location' in spec or 'locationName' in spec:
                    sys.exit(f'gen_cli_operations: {operation_name}.{member} is not a body member')
                entry = [member, shapes.ref(spec['shape'])]
                # The CLI does not ask for idempotency tokens: botocore fills them in.
                if member in required and not spec.get('idempotencyToken'):
                    entry.append(1)
                options[option] = entry
        command = {'operation': operation_name, 'options': options}
        if paging:
            tokens = paging['input_token']
            command['paging'] = {
                'tokens': tokens if isinstance(tokens, list) else [tokens],
                'pageSize': paging.get('limit_key'),
            }
        commands[kebab(operation_name)] = command
    # Both services' shapes share one table; a name they both use must mean the same shape.
    for name, shape in shapes.used.items():
        if shapes_by_service.setdefault(name, shape) != shape:
            sys.exit(f'gen_cli_operations: shape {name} differs between services')
    return {'target': model['metadata']['targetPrefix'], 'commands': commands}


def js(value):
    """A compact JS literal: unquoted keys where JS allows, single-quoted strings."""
    if isinstance(value, dict):
        parts = []
        for key, item in value.items():
            if item is None:
                continue
            name = key if re.fullmatch(r'[A-Za-z_$][\w$]*', key) else js(key)
            parts.append(f'{name}: {js(item)}')
        return '{ ' + ', '.join(parts) + ' }' if parts else '{}'
    if isinstance(value, list):
        return '[' + ', '.join(js(item) for item in value) + ']'
    if isinstance(value, str):
        return "'" + value.replace('\\', '\\\\').replace("'", "\\'") + "'"
    return json.dumps(value)


def render(services, shapes, source):
    lines = [
        '// Generated by scripts/gen_cli_operations.py from ' + source + '.',
        '// Do not edit: run the script again when the models change.',
        '//',
        '// CLI_SERVICES: per `aws <service>`, the X-Amz-Target prefix and each command:',
        "//   'put-item': { operation, options: { 'table-name': [Member, shape, 1 if required] },",
        '//                 paging: { tokens, pageSize } when the CLI paginates it }',
        '// CLI_SHAPES: the complex shapes those options reach, by name: [\'structure\', { Member:',
        "// shape }], ['list', shape] or ['map', value shape]. A shape is such a name or a scalar",
        '// kind: ' + ', '.join(SCALARS) + '.',
        '',
        'export const CLI_SERVICES = {',
    ]
    for service, table in services.items():
        lines.append(f"  {service}: {{")
        lines.append(f"    target: {js(table['target'])},")
        lines.append('    commands: {')
        for command, spec in table['commands'].items():
            lines.append(f'      {js(command)}: {js(spec)},')
        lines.append('    },')
        lines.append('  },')
    lines.append('};')
    lines.append('')
    lines.append('export const CLI_SHAPES = {')
    for name in sorted(shapes):
        lines.append(f'  {name}: {js(shapes[name])},')
    lines.append('};')
    return '\n'.join(lines) + '\n'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--data-dir', help="botocore's data folder")
    args = parser.parse_args()
    import botocore
    data_dir = args.data_dir or os.path.join(os.path.dirname(botocore.__file__), 'data')
    source = (f'botocore {botocore.__version__}' if not args.data_dir
              else os.path.abspath(args.data_dir))
    shapes = {}
    services = {s: service_table(data_dir, s, shapes) for s in SERVICES}
    with open(OUTPUT, 'w', encoding='utf-8') as f:
        f.write(render(services, shapes, source + "'s models"))
    print(f'gen_cli_operations: wrote {os.path.normpath(OUTPUT)} from {source}')


if __name__ == '__main__':
    main()
