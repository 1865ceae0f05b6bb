import { Link } from "react-router";

export default function NotFoundPage() {
  return (
    <section>
      <h1>Siden findes ikke</h1>
      <p>
        <Link to="/">Gå til overblikket</Link>
      </p>
    </section>
  );
}
