/** Reading an answers JSON Schema by dot path (object properties, and `items` for arrays). */
export type SchemaNode = Readonly<Record<string, unknown>>;

/** The schema of the value at `path` ('' is the whole object), or null when the schema has no such place. */
export function schemaAt(schema: SchemaNode, path: string): SchemaNode | null {
  if (path === '') return schema;
  let node: SchemaNode | null = schema;
  for (const part of path.split('.')) {
    if (node === null) return null;
    if (/^\d+$/.test(part) || part === '[]') {
      node = (node.items as SchemaNode | undefined) ?? null;
      continue;
    }
    const properties = node.properties as Record<string, SchemaNode> | undefined;
    node = properties?.[part] ?? null;
  }
  return node;
}

/** The JSON type a node declares (the first, when it allows several). */
export function schemaType(node: SchemaNode): string | null {
  const type = node.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return (type.find((t) => t !== 'null') as string | undefined) ?? null;
  if (Array.isArray(node.enum)) return typeof node.enum[0];
  if ('const' in node) return typeof node.const;
  return null;
}

/** Every leaf path of the schema's object properties, arrays of objects as `field.[].leaf`. */
export function leafPaths(schema: SchemaNode, prefix = ''): string[] {
  const type = schemaType(schema);
  if (type === 'object' && schema.properties) {
    return Object.entries(schema.properties as Record<string, SchemaNode>).flatMap(([key, child]) =>
      leafPaths(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  if (type === 'array' && schema.items && schemaType(schema.items as SchemaNode) === 'object') {
    return leafPaths(schema.items as SchemaNode, `${prefix}.[]`);
  }
  return [prefix];
}
