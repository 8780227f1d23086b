import { Component, type ReactNode } from "react";
import { ErrorMessage } from "./ErrorMessage.tsx";

interface State {
  error: unknown;
}

/** Last line of defence: a rendering error shows a message and a way back, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <main className="page">
        <ErrorMessage error={this.state.error} />
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </main>
    );
  }
}
