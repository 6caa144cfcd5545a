ls progress/2024-06
