import { ErrorBoundary } from "./components/ErrorBoundary.tsx";
import { Providers } from "./components/Providers.tsx";
import { Shell } from "./components/Shell.tsx";

export function App() {
  return (
    <ErrorBoundary>
      <Providers>
        <Shell />
      </Providers>
    </ErrorBoundary>
  );
}
