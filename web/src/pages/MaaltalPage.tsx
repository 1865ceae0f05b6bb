/** Placeholder: a colleague replaces this page's content. */
export default function MaaltalPage() {
  return (
    <section>
      <h1>Måltal</h1>
      <p>Siden er under udarbejdelse.</p>
    </section>
  );
}
