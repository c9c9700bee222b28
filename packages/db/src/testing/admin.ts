import postgres from 'postgres';

/** Runs one statement on the maintenance connection (create/drop test databases). */
export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(text);
  } finally {
    await admin.end();
  }
}
