import { Component, type ReactNode } from "react";
import { ErrorState } from "./ErrorState.tsx";
import { Page } from "./ui/page.tsx";

interface State {
  error: unknown;
}

/** Last line of defence: a rendering error shows a message, "Try again" and "Go back", never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <Page title="Something went wrong">
        <ErrorState error={this.state.error} onRetry={() => this.setState({ error: undefined })} />
      </Page>
    );
  }
}
