/** Placeholder: a colleague replaces this page's content. */
export default function EconomicsPage() {
  return (
    <section>
      <h1>Økonomi</h1>
      <p>Siden er under udarbejdelse.</p>
    </section>
  );
}
