export function ErrorLine({ error }: { error?: string }) {
  if (!error) return null;
  return (
    <p role="alert" className="mt-1 text-xs text-red-700">
      {error}
    </p>
  );
}
