/**
 * The form kit: every client form that calls a server action takes its state from useActionForm,
 * lays out its fields with Field and says what happened with OutcomeMessage (or SubmitBar).
 */
export { useActionForm, usePending, outcomeOf, notice, errorsOf, type Errors, type Outcome, type ActionForm } from './use-action-form';
export { Field, FieldError, OutcomeMessage, errorIdOf, hintIdOf, labelClass } from './field';
export { SubmitBar, SubmitButton } from './submit-bar';
export { inputClass, submitButtonClass, primaryButton, dangerButton, secondaryButton } from './classes';
