/** Placeholder: a colleague replaces this page's content. */
export default function DataPage() {
  return (
    <section>
      <h1>Data</h1>
      <p>Siden er under udarbejdelse.</p>
    </section>
  );
}
