import { ApiError } from '@cordon/server-kit';

export const conflict = (message: string, param: string) => new ApiError(409, message, 'already_exists', param);
export const invalid = (message: string, param: string) => new ApiError(400, message, 'invalid_value', param);
export const now = () => Math.floor(Date.now() / 1000);
